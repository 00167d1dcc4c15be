package cn.smartfactory.lending.record;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2's guard of the decision record (migration {@code db/vendor/h2/V5}): any UPDATE or DELETE of a
 * row fails. PostgreSQL has the same rule as a PL/pgSQL trigger.
 */
public class AppendOnlyTrigger implements Trigger {

    private String table;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        this.table = tableName;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("决策档案只能追加,不能修改或删除 / " + table + " is append-only: rows cannot be updated or deleted",
                "42501");
    }
}
