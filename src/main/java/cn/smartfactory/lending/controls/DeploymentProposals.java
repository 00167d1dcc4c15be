package cn.smartfactory.lending.controls;

import java.util.Map;

/**
 * Where a member of staff's deployment goes instead of the engine: a change that takes effect only
 * once a second person activates it (four-eyes). Implemented by the change-management feature.
 */
public interface DeploymentProposals {

    /** Records the proposed resources; returns the proposal's id. */
    String propose(String name, String source, Map<String, byte[]> resources, String proposer);
}
