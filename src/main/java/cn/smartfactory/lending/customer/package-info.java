/**
 * The customer register (客户登记): one record per customer, keyed by the resident ID number or the
 * unified social credit code, with the contact preferences the bank must honour (do not contact,
 * marketing consent, 个人信息保护法), relations to other parties, and the customer's applications —
 * so that every station can tell a new customer from one with an open application or an active loan.
 */
package cn.smartfactory.lending.customer;
