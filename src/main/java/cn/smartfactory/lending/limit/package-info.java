/**
 * Credit limit calculation (额度测算): every constraint of RISK-MODEL.md §4 computed and shown, the
 * binding one named, the result rounded down to the product's unit.
 */
package cn.smartfactory.lending.limit;
