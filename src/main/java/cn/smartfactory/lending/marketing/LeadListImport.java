package cn.smartfactory.lending.marketing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.smartfactory.lending.common.Sha256;
import cn.smartfactory.lending.customer.Customer;
import cn.smartfactory.lending.customer.CustomerKey;
import cn.smartfactory.lending.customer.CustomerRegister;
import cn.smartfactory.lending.industry.Industry;
import cn.smartfactory.lending.industry.IndustryCatalog;
import cn.smartfactory.lending.tabular.TabularFile;

/**
 * Adds names to a campaign, from an uploaded list (xlsx or CSV, {@link TabularFile}) or a list the
 * bank generated. Every row is checked whole before anything of it is written: a row that breaks a
 * rule is refused with its row number, the column's name and the rule, and the others are imported;
 * a row that may go ahead but needs care (an active loan, consent not yet asked, no phone) is imported
 * with a flag. A file that is not a list, has no rows or lacks a required column is refused whole, and
 * the same file added to the same campaign again adds nothing. Imported names enter the customer
 * register and become leads (status NEW) assigned by {@link LeadAssignment}; their outreach tasks are
 * created afterwards by the campaign's process, in chunks.
 */
public class LeadListImport {

    /** A list longer than this is refused whole. */
    public static final int MAX_ROWS = 200_000;

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}\\d{7,8}");

    /** A row that was refused or flagged: its row number, the column (key, or null for the whole row), the rule. */
    public record RowNote(int row, String column, String rule, String messageZh, String message) {

        /** One sentence, Chinese first. */
        public String text() {
            return messageZh + " " + message;
        }
    }

    /** What an import did. {@code duplicateFile}: this very file was added to the campaign before; nothing changed. */
    public record Result(String campaignId, String fileName, boolean duplicateFile, int imported, List<RowNote> flagged,
                         List<RowNote> rejected) {
    }

    private final CustomerRegister customers;
    private final MarketingStore store;
    private final AccountManagerProfiles profiles;
    private final LeadAssignment assignment;
    private final IndustryCatalog industries;
    private final MarketingReference reference;

    public LeadListImport(CustomerRegister customers, MarketingStore store, AccountManagerProfiles profiles,
                          LeadAssignment assignment, IndustryCatalog industries, MarketingReference reference) {
        this.customers = customers;
        this.store = store;
        this.profiles = profiles;
        this.assignment = assignment;
        this.industries = industries;
        this.reference = reference;
    }

    /** Reads an uploaded list; the caller runs it in one transaction with the campaign's process. */
    public Result importFile(Campaign campaign, String fileName, byte[] content, String uploadedBy) {
        String sha256 = Sha256.of(content);
        if (store.listImported(campaign.campaignId(), sha256)) {
            return new Result(campaign.campaignId(), fileName, true, 0, List.of(), List.of());
        }
        List<TabularFile.Row> file = TabularFile.read(fileName, content, MAX_ROWS);
        List<ListRow> rows = rows(file);
        Result result = importRows(campaign, fileName, rows);
        store.recordList(campaign.campaignId(), sha256, fileName == null ? "list" : fileName, result.imported(),
                result.rejected().size(), uploadedBy);
        return result;
    }

    /** The data rows of a file, by column, after its header is checked. */
    static List<ListRow> rows(List<TabularFile.Row> file) {
        List<TabularFile.Row> nonBlank = file.stream().filter(r -> !r.blank()).toList();
        String expected = String.join(",", ListColumn.required().stream().map(ListColumn::key).toList());
        if (nonBlank.isEmpty()) {
            throw new IllegalArgumentException("名单为空。The list is empty.");
        }
        TabularFile.Row header = nonBlank.get(0);
        Map<ListColumn, Integer> positions = new EnumMap<>(ListColumn.class);
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String cell = header.cell(i);
            if (cell.isBlank()) {
                continue;
            }
            Optional<ListColumn> column = ListColumn.ofHeader(cell);
            if (column.isEmpty()) {
                unknown.add(cell);
            } else if (positions.putIfAbsent(column.get(), i) != null) {
                throw new IllegalArgumentException("表头中“" + cell + "”出现两次。The header names \"" + cell + "\" twice.");
            }
        }
        List<ListColumn> missing = ListColumn.required().stream().filter(c -> !positions.containsKey(c)).toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            String missingZh = String.join("、", missing.stream().map(c -> c.nameZh() + "(" + c.key() + ")").toList());
            String missingEn = String.join(", ", missing.stream().map(ListColumn::key).toList());
            throw new IllegalArgumentException("这不是营销名单:第一行须为表头 " + expected + "(可加 businessType,address,note)"
                    + (missing.isEmpty() ? "" : ",缺少 " + missingZh) + (unknown.isEmpty() ? "" : ",不认识的列 " + unknown)
                    + "。This is not a name list: the first row must be the header " + expected
                    + " (optionally businessType,address,note)" + (missing.isEmpty() ? "" : "; missing " + missingEn)
                    + (unknown.isEmpty() ? "" : "; unknown columns " + unknown) + ".");
        }
        List<ListRow> rows = new ArrayList<>();
        for (TabularFile.Row row : nonBlank.subList(1, nonBlank.size())) {
            Map<String, String> values = new HashMap<>();
            positions.forEach((column, position) -> values.put(column.key(), row.cell(position)));
            rows.add(new ListRow(row.number(), values, null));
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("名单只有表头,没有客户。The list has a header and no names.");
        }
        return rows;
    }

    /** Checks, registers and assigns the rows; see the class comment. */
    public Result importRows(Campaign campaign, String listName, List<ListRow> rows) {
        if (!"OPEN".equals(campaign.status())) {
            throw new IllegalArgumentException("营销活动" + campaign.campaignId() + "已结束,不能再加名单。Campaign "
                    + campaign.campaignId() + " has ended; no list can be added.");
        }
        boolean renewal = "RENEWAL".equals(campaign.listSource());
        Map<String, String> liveCampaigns = store.customersInLiveCampaigns();
        Map<String, Integer> inThisCampaign = store.customersOfCampaign(campaign.campaignId());
        Map<String, CustomerRegister.Engagement> engagements = customers.engagements();
        List<AccountManagerProfile> active = profiles.active();
        java.util.Set<String> activeManagers = new java.util.HashSet<>(active.stream().map(AccountManagerProfile::userId).toList());
        LeadAssignment.Round round = assignment.round(active, store.workingLeadsByManager());

        // First pass: each row's own rules, and duplicates within the list.
        List<RowNote> rejected = new ArrayList<>();
        List<RowNote> flagged = new ArrayList<>();
        Map<String, Checked> accepted = new LinkedHashMap<>();
        Map<String, Integer> firstRow = new HashMap<>();
        for (ListRow row : rows) {
            Object checked = check(row);
            if (checked instanceof RowNote note) {
                rejected.add(note);
                continue;
            }
            Checked c = (Checked) checked;
            Integer earlier = firstRow.putIfAbsent(c.key.value(), row.number());
            if (earlier != null) {
                rejected.add(note(row, ListColumn.ID_NUMBER, "DUPLICATE_IN_LIST", "与第" + earlier + "行是同一客户",
                        "is the same customer as row " + earlier));
                continue;
            }
            accepted.put(c.key.value(), c);
        }
        // Second pass: against the register and the other campaigns, then assignment.
        Map<String, Customer> known = customers.findAll(accepted.keySet());
        List<Lead> leads = new ArrayList<>();
        for (Checked c : accepted.values()) {
            ListRow row = c.row;
            String key = c.key.value();
            Customer customer = known.get(key);
            if (customer != null && !customer.mayBeContacted()) {
                rejected.add(note(row, ListColumn.ID_NUMBER, "DO_NOT_CONTACT",
                        customer.doNotContact() ? "客户已要求不再联系" : "客户已撤回营销同意",
                        customer.doNotContact() ? "the customer asked not to be contacted" : "the customer withdrew marketing consent"));
                continue;
            }
            Integer sameCampaign = inThisCampaign.get(key);
            if (sameCampaign != null) {
                rejected.add(note(row, ListColumn.ID_NUMBER, "ALREADY_IN_CAMPAIGN", "已在本活动的名单中", "is already on this campaign's list"));
                continue;
            }
            String otherCampaign = liveCampaigns.get(key);
            if (otherCampaign != null) {
                rejected.add(note(row, ListColumn.ID_NUMBER, "IN_LIVE_CAMPAIGN", "正由营销活动" + otherCampaign + "跟进",
                        "is being worked by campaign " + otherCampaign));
                continue;
            }
            CustomerRegister.Engagement engagement = engagements.get(key);
            if (engagement == CustomerRegister.Engagement.OPEN_APPLICATION) {
                rejected.add(note(row, ListColumn.ID_NUMBER, "OPEN_APPLICATION", "已有在办申请", "has an application in progress"));
                continue;
            }
            Optional<LeadAssignment.Assignment> assigned = row.servedBy() != null && activeManagers.contains(row.servedBy())
                    ? Optional.of(round.keep(row.servedBy()))
                    : round.assign(c.region, c.industry.code());
            if (assigned.isEmpty()) {
                rejected.add(note(row, ListColumn.REGION, "NO_ACCOUNT_MANAGER", "没有客户经理服务该区域和行业",
                        "no account manager serves this region and industry"));
                continue;
            }
            List<String> rowFlags = new ArrayList<>();
            if (engagement == CustomerRegister.Engagement.ACTIVE_LOAN && !renewal) {
                rowFlags.add("ACTIVE_LOAN");
                flagged.add(note(row, ListColumn.ID_NUMBER, "ACTIVE_LOAN", "已有在贷,按增贷或续贷营销", "has an active loan: market a top-up or renewal"));
            }
            if (customer == null || "UNKNOWN".equals(customer.consent())) {
                rowFlags.add("CONSENT_UNKNOWN");
            }
            if (c.phone == null && row.servedBy() == null) {
                rowFlags.add("NO_PHONE");
                flagged.add(note(row, ListColumn.PHONE, "NO_PHONE", "无电话,需上门拜访", "no phone: visit in person"));
            }
            leads.add(new Lead(0, campaign.campaignId(), key, row.number(), c.name, c.phone, c.industry.code(), c.region,
                    c.businessType, blankToNull(row.value(ListColumn.ADDRESS.key())), blankToNull(row.value(ListColumn.NOTE.key())),
                    row.relation(), String.join(",", rowFlags), assigned.get().accountManager(),
                    assigned.get().reasonZh() + " " + assigned.get().reasonEn(), Lead.NEW, 0, false, false, null, null, null,
                    false, null, null));
        }
        customers.recordAll(leads.stream().map(l -> new CustomerRegister.Particulars(CustomerKey.parse(l.customerKey()).orElseThrow(),
                l.name(), l.phone(), l.region(), l.industry(), l.businessType(), l.address())).toList(), known.keySet());
        store.insertLeads(leads);
        rejected.sort(java.util.Comparator.comparingInt(RowNote::row));
        flagged.sort(java.util.Comparator.comparingInt(RowNote::row));
        return new Result(campaign.campaignId(), listName, false, leads.size(), List.copyOf(flagged), List.copyOf(rejected));
    }

    private record Checked(ListRow row, CustomerKey key, String name, String phone, Industry industry, String region,
                           String businessType) {
    }

    /** A row's own rules; answers a {@link Checked} row or the {@link RowNote} that refuses it. */
    private Object check(ListRow row) {
        for (ListColumn column : ListColumn.values()) {
            if (row.value(column.key()).length() > column.maxLength()) {
                return note(row, column, "TOO_LONG", "超过" + column.maxLength() + "个字符",
                        "is longer than " + column.maxLength() + " characters");
            }
        }
        String name = row.value(ListColumn.NAME.key());
        if (name.isEmpty()) {
            return note(row, ListColumn.NAME, "REQUIRED", "为必填项", "is required");
        }
        String phoneText = row.value(ListColumn.PHONE.key());
        String address = row.value(ListColumn.ADDRESS.key());
        if (phoneText.isEmpty() && address.isEmpty() && row.servedBy() == null) {
            return note(row, ListColumn.PHONE, "NO_CONTACT", "与“地址”至少填一项,否则无法联系客户",
                    "or \"Address\" is needed: the customer cannot be contacted otherwise");
        }
        String phone = null;
        if (!phoneText.isEmpty()) {
            phone = normalisePhone(phoneText);
            if (phone == null) {
                return note(row, ListColumn.PHONE, "PHONE_FORMAT", "应为11位手机号或带区号的固定电话(当前为 " + phoneText + ")",
                        "must be an 11-digit mobile number or a landline with its area code (was " + phoneText + ")");
            }
        }
        String idText = row.value(ListColumn.ID_NUMBER.key());
        if (idText.isEmpty()) {
            return note(row, ListColumn.ID_NUMBER, "REQUIRED", "为必填项(身份证号或统一社会信用代码)",
                    "is required (resident ID or unified social credit code)");
        }
        Optional<CustomerKey> key = CustomerKey.parse(idText);
        if (key.isEmpty()) {
            return note(row, ListColumn.ID_NUMBER, "ID_FORMAT", "不是有效的18位身份证号或统一社会信用代码(校验位不符或格式错误,当前为 "
                    + idText + ")", "is not a valid 18-character resident ID or unified social credit code (was " + idText + ")");
        }
        String industryText = row.value(ListColumn.INDUSTRY.key());
        Optional<Industry> industry = industries.all().stream().filter(i -> i.code().equalsIgnoreCase(industryText)
                || i.nameZh().equals(industryText) || i.nameEn().equalsIgnoreCase(industryText)).findFirst();
        if (industry.isEmpty()) {
            return note(row, ListColumn.INDUSTRY, "UNKNOWN_INDUSTRY", "不是本行支持的行业(当前为 " + industryText + ")",
                    "is not an industry the bank lends to (was " + industryText + ")");
        }
        String regionText = row.value(ListColumn.REGION.key());
        Optional<MarketingReference.Entry> region = reference.region(regionText);
        if (region.isEmpty()) {
            return note(row, ListColumn.REGION, "UNKNOWN_REGION", "不是本行的服务区域(当前为 " + regionText + ")",
                    "is not one of the bank's service areas (was " + regionText + ")");
        }
        String businessText = row.value(ListColumn.BUSINESS_TYPE.key());
        String businessType = null;
        if (!businessText.isEmpty()) {
            Optional<MarketingReference.Entry> type = reference.businessType(businessText);
            if (type.isEmpty()) {
                return note(row, ListColumn.BUSINESS_TYPE, "UNKNOWN_BUSINESS_TYPE", "不是已知的经营类型(当前为 " + businessText + ")",
                        "is not a known business type (was " + businessText + ")");
            }
            businessType = type.get().code();
        }
        return new Checked(row, key.get(), name, phone, industry.get(), region.get().code(), businessType);
    }

    /** Mobile numbers as 11 digits (a +86 prefix dropped), landlines as area code and number without separators. */
    static String normalisePhone(String text) {
        String digits = text.replaceAll("[\\s\\-()（）]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("86") && digits.length() == 13) {
            digits = digits.substring(2);
        }
        if (MOBILE.matcher(digits).matches() || LANDLINE.matcher(digits).matches()) {
            return digits;
        }
        return null;
    }

    private static RowNote note(ListRow row, ListColumn column, String rule, String zh, String en) {
        return new RowNote(row.number(), column.key(), rule,
                "第" + row.number() + "行:“" + column.nameZh() + "”" + zh + "。",
                "Row " + row.number() + ": \"" + column.nameEn() + "\" " + en + ".");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
