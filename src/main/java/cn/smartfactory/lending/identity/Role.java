package cn.smartfactory.lending.identity;

/** The role groups of the factory line; the group id is what BPMN candidate groups name. */
public enum Role {
    /** Plans and runs marketing campaigns, builds name lists, assigns and reassigns leads (统一营销运营). */
    MARKETING_OPERATIONS("marketing-operations", "营销运营岗", "Marketing operations"),
    ACCOUNT_MANAGERS("account-managers", "管户岗", "Account managers"),
    INVESTIGATORS("investigators", "尽调岗", "Investigators"),
    CENTRAL_OPERATIONS("central-operations", "集中作业岗", "Central operations"),
    APPROVERS("approvers", "审批岗", "Approvers"),
    CREDIT_COMMITTEE("credit-committee", "贷审会", "Credit committee"),
    RISK_MANAGERS("risk-managers", "风险管理", "Risk managers"),
    MANAGERS("managers", "管理者", "Managers"),
    /** Core banking's technical account: posts loan events for any loan, works no task, opens no webapp. */
    CORE_BANKING("core-banking", "核心系统", "Core banking"),
    /** IT operations: health and metrics under /actuator; no engine permission, no loan data. */
    IT_OPERATIONS("it-operations", "运维岗", "IT operations"),
    CAMUNDA_ADMIN("camunda-admin", "系统管理员", "Administrators");

    private final String groupId;
    private final String nameZh;
    private final String nameEn;

    Role(String groupId, String nameZh, String nameEn) {
        this.groupId = groupId;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String groupId() {
        return groupId;
    }

    public String displayName() {
        return nameZh + " " + nameEn;
    }

    /** What a role's inbox holds, Chinese first. */
    public String inboxDescription() {
        return nameZh + "的待办 Open work of " + nameEn.toLowerCase(java.util.Locale.ROOT);
    }

    /** Roles that work tasks in Tasklist. */
    public boolean worksTasks() {
        return this != MANAGERS && this != CAMUNDA_ADMIN && this != CORE_BANKING && this != IT_OPERATIONS;
    }
}
