/**
 * Server-side enforcement of Camunda Forms: the rules written in a {@code .form} file (required,
 * ranges, lengths, patterns, allowed options, fields hidden by a condition) are checked again on
 * the server when a form is submitted, because the browser's checks do not bind a REST client.
 */
package cn.smartfactory.lending.forms;
