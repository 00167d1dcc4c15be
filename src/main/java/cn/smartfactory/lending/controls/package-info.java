/**
 * Controls that hold at the engine boundary, whatever surface a person uses (Tasklist, Cockpit,
 * Admin, {@code /engine-rest}, the webapps' API, {@code /api}): a process engine plugin whose command
 * interceptor lets a signed-in member of staff read, start a process at its start event with its
 * start form's fields, and work the tasks of their candidate groups with the fields of the task's
 * form, and refuses everything else (modification, restart, variable writes, history deletion...) to
 * anyone but administrators. Listeners cannot be skipped here because the check runs before the
 * command does.
 */
package cn.smartfactory.lending.controls;
