/**
 * Risk quantification (风险量化): the reconstructed financials on verified sales, the 22 indicators
 * of the five-dimension scorecard, flags and knockouts, grade and decision suggestion, brought
 * together by {@link cn.smartfactory.lending.scoring.RiskEngine} into one
 * {@link cn.smartfactory.lending.scoring.RiskAssessment}.
 */
package cn.smartfactory.lending.scoring;
