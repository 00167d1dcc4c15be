/**
 * Platform glue around the embedded Camunda engine: what is deployed at start-up, how REST calls
 * authenticate. Features keep their own engine glue; this package holds only what is shared.
 */
package cn.smartfactory.lending.platform;
