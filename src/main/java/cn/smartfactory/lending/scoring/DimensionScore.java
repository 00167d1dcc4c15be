package cn.smartfactory.lending.scoring;

/** A dimension's subtotal: points earned out of its weight (the sum of its indicators' weights). */
public record DimensionScore(Dimension dimension, int points, int weight) {
}
