/**
 * The comprehensive credit report (综合信用报告): one Excel workbook per application, generated from
 * the investigation record and the risk engine's assessment, for the approver. Engine-free: bytes
 * out, so the process can store or link it and tests can read it back.
 */
package cn.smartfactory.lending.report;
