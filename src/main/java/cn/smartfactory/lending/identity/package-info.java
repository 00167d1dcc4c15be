/**
 * Who works on the factory line: the role groups (管调审分离), their Camunda authorizations, and the
 * demo users of the {@code demo} profile. Groups and permissions are created at start-up when
 * missing, so a fresh database is usable and an administrator's later changes are kept.
 */
package cn.smartfactory.lending.identity;
