/**
 * Industry reference data (行业数据库): per industry its benchmark bands, the share of verified
 * sales it may borrow, and the operational driver that estimates sales on site. Loaded from
 * {@code reference/risk-reference-data.json}; a seventh industry is a new entry there plus its
 * checklist form, not new code.
 */
package cn.smartfactory.lending.industry;
