/**
 * The product matrix (产品矩阵): credit, guaranteed and mortgage loans with their caps, pricing and
 * collateral rules, read from the {@code product-terms} decision table so product owners change
 * terms in Camunda Modeler.
 */
package cn.smartfactory.lending.product;
