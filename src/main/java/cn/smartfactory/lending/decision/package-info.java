/**
 * Access to the DMN decision tables under {@code processes/} that risk managers own: scorecard
 * bins, grades, flags, knockouts, limit policy, product terms and approval authority. Java computes
 * indicators; these tables turn them into points, grades and routes.
 */
package cn.smartfactory.lending.decision;
