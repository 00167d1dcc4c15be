/**
 * Camunda's webapps (Tasklist, Cockpit, Admin, Welcome) as the bank's staff see them: Chinese
 * first (the project's zh.json for each app, chosen from the browser's language, English as the
 * fallback), the bank's name and logo from configuration, Camunda's Community Edition banner
 * hidden. Depends on no feature package.
 */
package cn.smartfactory.lending.webapps;
