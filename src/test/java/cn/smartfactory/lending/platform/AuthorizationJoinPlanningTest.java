package cn.smartfactory.lending.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which statements are always planned with their values: those that join the authorization table. */
class AuthorizationJoinPlanningTest {

    @Test
    void recognisesCamundasAuthorizationJoinAsTheEngineWritesIt() {
        String taskList = """
                select distinct RES.ID_ from ACT_RU_TASK RES
                     left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
                     left join
                    (
                    SELECT A.*
                    FROM ACT_RU_AUTHORIZATION A
                    WHERE A.TYPE_ < 2
                    AND ( A.USER_ID_ in ( ?, '*') OR A.GROUP_ID_ IN ( ? ) )
                    AND ( A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? )
                    ) AUTH ON (AUTH.RESOURCE_ID_ IN ( RES.ID_ , D.KEY_ , '*' ))
                order by RES.CREATE_TIME_ asc LIMIT ? OFFSET ?""";
        assertThat(AuthorizationJoinPlanning.AUTHORIZATION_JOIN.matcher(taskList).find()).isTrue();
        assertThat(AuthorizationJoinPlanning.AUTHORIZATION_JOIN.matcher(taskList.replace("ACT_RU_AUTHORIZATION",
                "camunda.ACT_RU_AUTHORIZATION")).find()).as("with a table prefix").isTrue();
    }

    @Test
    void leavesEveryOtherStatementToThePlanCache() {
        for (String sql : new String[] {
                "select * FROM ACT_RU_AUTHORIZATION WHERE ID_ = ?",
                "SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A",
                "insert into ACT_RU_AUTHORIZATION (ID_, TYPE_, GROUP_ID_) values (?, ?, ?)",
                "select RES.* from ACT_RU_TASK RES where RES.ASSIGNEE_ = ?"}) {
            assertThat(AuthorizationJoinPlanning.AUTHORIZATION_JOIN.matcher(sql).find()).as(sql).isFalse();
        }
    }
}
