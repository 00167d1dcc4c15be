/**
 * Managing the factory: the facts the line's listeners write as it works (one row per task, one per
 * application), the KPIs computed from them and the loan register, and their API and export.
 * Definitions: docs/kpis.md.
 */
package cn.smartfactory.lending.kpi;
