/**
 * The marketing station (统一营销运营, 名单制营销): campaigns planned by marketing operations, name
 * lists imported and checked row by row, leads assigned to account managers by a decision table and
 * worked as outreach tasks, conversion into applications, the strategy library, the lists the bank
 * already holds (chain leads, renewals), figures and points. See docs/marketing.md.
 */
package cn.smartfactory.lending.marketing;
