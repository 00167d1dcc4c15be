/**
 * Change management of the rules (变更管理): deploying a diagram, table or form is running code and
 * changing credit policy, so a risk manager's deployment from Camunda Modeler becomes a proposal; a
 * second risk manager sees what changed (a line diff against what is deployed) and activates it —
 * only then does the engine deploy it, for new loans — or rejects it. Every step is on the decision
 * record.
 */
package cn.smartfactory.lending.change;
