package cn.smartfactory.lending.marketing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Account managers' profiles in {@code account_manager_profile} (migration V9). */
@Repository
public class AccountManagerProfiles {

    private final JdbcClient jdbc;

    public AccountManagerProfiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AccountManagerProfile> all() {
        return jdbc.sql("SELECT user_id, region, industries, active FROM account_manager_profile ORDER BY user_id")
                .query(this::profile).list();
    }

    public List<AccountManagerProfile> active() {
        return all().stream().filter(AccountManagerProfile::active).toList();
    }

    public Optional<AccountManagerProfile> find(String userId) {
        return jdbc.sql("SELECT user_id, region, industries, active FROM account_manager_profile WHERE user_id = :id")
                .param("id", userId).query(this::profile).optional();
    }

    @Transactional
    public void save(AccountManagerProfile profile, String changedBy) {
        Timestamp now = Timestamp.from(Instant.now());
        String industries = String.join(",", profile.industries());
        int updated = jdbc.sql("""
                UPDATE account_manager_profile SET region = :region, industries = :industries, active = :active,
                    updated_at = :now, updated_by = :by WHERE user_id = :id
                """).param("region", profile.region()).param("industries", industries).param("active", profile.active())
                .param("now", now).param("by", changedBy).param("id", profile.userId()).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO account_manager_profile (user_id, region, industries, active, updated_at, updated_by)
                    VALUES (:id, :region, :industries, :active, :now, :by)
                    """).param("id", profile.userId()).param("region", profile.region()).param("industries", industries)
                    .param("active", profile.active()).param("now", now).param("by", changedBy).update();
        }
    }

    private AccountManagerProfile profile(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String industries = rs.getString("industries");
        return new AccountManagerProfile(rs.getString("user_id"), rs.getString("region"),
                industries.isBlank() ? List.of() : Arrays.asList(industries.split(",")), rs.getBoolean("active"));
    }
}
