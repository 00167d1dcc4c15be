package cn.smartfactory.lending.sla;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.smartfactory.lending.identity.CurrentStaff;
import cn.smartfactory.lending.identity.Role;
import cn.smartfactory.lending.platform.BankClock;

/**
 * The business calendar over HTTP: anyone signed in reads a year; managers mark a day as a holiday or
 * a worked weekend day, or return it to the weekday rule. A change applies to due dates computed after it.
 */
@RestController
@RequestMapping("/api/business-calendar")
class BusinessCalendarController {

    private final CalendarStore calendar;
    private final CurrentStaff staff;
    private final IdentityService identity;

    BusinessCalendarController(CalendarStore calendar, CurrentStaff staff, IdentityService identity) {
        this.calendar = calendar;
        this.staff = staff;
        this.identity = identity;
    }

    @GetMapping
    Map<String, Object> year(@RequestParam(required = false) Integer year) {
        int y = year == null ? BankClock.today().getYear() : year;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", y);
        body.put("days", calendar.year(y));
        if (!calendar.hasYear(y)) {
            body.put("warning", y + " 年的节假日尚未录入,除周末外均按工作日计 The holidays of " + y
                    + " are not entered yet: every weekday counts as a working day");
        }
        return body;
    }

    record DayChange(String kind, String name) {
    }

    @PutMapping("/{day}")
    ResponseEntity<?> put(@PathVariable String day, @RequestBody DayChange change) {
        if (!staff.inAnyOf(Role.MANAGERS)) {
            return forbidden();
        }
        LocalDate date;
        try {
            date = date(day);
        } catch (IllegalArgumentException e) {
            return bad(e.getMessage());
        }
        BusinessCalendar.Kind kind;
        try {
            kind = BusinessCalendar.Kind.valueOf(String.valueOf(change == null ? null : change.kind()));
        } catch (IllegalArgumentException e) {
            return bad("类型 kind 须为 HOLIDAY(节假日)或 WORKDAY(调休上班)must be HOLIDAY or WORKDAY (was "
                    + (change == null ? null : change.kind()) + ")");
        }
        if (change.name() == null || change.name().isBlank() || change.name().length() > 100) {
            return bad("名称 name 必填,不超过100字 is required, at most 100 characters");
        }
        calendar.put(date, kind, change.name().trim(), identity.getCurrentAuthentication().getUserId());
        return ResponseEntity.ok(Map.of("day", date.toString(), "kind", kind.name(), "name", change.name().trim()));
    }

    @DeleteMapping("/{day}")
    ResponseEntity<?> remove(@PathVariable String day) {
        if (!staff.inAnyOf(Role.MANAGERS)) {
            return forbidden();
        }
        try {
            return calendar.remove(date(day)) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
        } catch (IllegalArgumentException e) {
            return bad(e.getMessage());
        }
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("日期 day 须为 YYYY-MM-DD must be a date YYYY-MM-DD (was " + value + ")");
        }
    }

    private static ResponseEntity<?> bad(String message) {
        return ResponseEntity.badRequest().body(Map.of("error", "INVALID_DAY", "message", message));
    }

    private static ResponseEntity<?> forbidden() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "FORBIDDEN",
                "message", "仅管理者可修改业务日历 Only managers change the business calendar"));
    }
}
