package cn.smartfactory.lending.approval;

import java.util.Optional;

/**
 * An approver's current level (分层授权): the level of their latest evaluation, which the
 * {@code approval-authority} table reads when they approve. Provided by the officer evaluation, which
 * sits above the line; an approver never evaluated has no level and gets the authority of the
 * route alone.
 */
@FunctionalInterface
public interface ApproverLevels {

    /** No approver has a level: the authority is the route's alone. */
    ApproverLevels NONE = approver -> Optional.empty();

    Optional<String> currentLevel(String approver);
}
