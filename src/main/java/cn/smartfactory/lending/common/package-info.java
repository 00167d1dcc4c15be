/** Small shared helpers for figures: rounding rules and the way amounts and ratios are written. */
package cn.smartfactory.lending.common;
