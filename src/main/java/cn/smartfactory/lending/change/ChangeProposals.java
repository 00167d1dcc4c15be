package cn.smartfactory.lending.change;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.smartfactory.lending.controls.DeploymentProposals;
import cn.smartfactory.lending.identity.CurrentStaff;
import cn.smartfactory.lending.platform.BankClock;
import cn.smartfactory.lending.record.DecisionRecord;
import cn.smartfactory.lending.record.RecordEntry;

/**
 * Change proposals: recorded when a risk manager deploys from Modeler, shown with their differences,
 * activated (deployed into the engine, as the platform, so the allowlist applies once more) or
 * rejected by a second risk manager — never by the proposer (the table refuses it too).
 */
@Service
public class ChangeProposals implements DeploymentProposals {

    /** A proposal with its resources. */
    public record Proposal(String id, String name, String source, String proposedBy, Instant proposedAt, String status,
                           String decidedBy, Instant decidedAt, String decisionNote, String deploymentId,
                           Map<String, byte[]> resources) {
    }

    /** What one resource changes, against the newest deployed resource of the same name. */
    public record ResourceChange(String name, String sha256, String change, String deployedSha256, List<String> diff) {
    }

    /** The deployment name of activated changes (the platform's own start-up deployment keeps its own name). */
    static final String CHANGE_RELEASE = "lending-platform-change";

    private final JdbcClient jdbc;
    private final RepositoryService repository;
    private final CurrentStaff staff;
    private final DecisionRecord record;

    public ChangeProposals(JdbcClient jdbc, RepositoryService repository, CurrentStaff staff, DecisionRecord record) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.staff = staff;
        this.record = record;
    }

    @Override
    @Transactional
    public String propose(String name, String source, Map<String, byte[]> resources, String proposer) {
        String id = "CP-" + BankClock.today().format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
                + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        jdbc.sql("""
                INSERT INTO change_proposal (id, name, source, proposed_by, proposed_at, status)
                VALUES (:id, :name, :source, :by, :at, 'PROPOSED')
                """).param("id", id).param("name", name).param("source", source).param("by", proposer)
                .param("at", Timestamp.from(Instant.now())).update();
        List<String> hashes = new ArrayList<>();
        resources.forEach((resource, bytes) -> {
            String sha = cn.smartfactory.lending.common.Sha256.of(bytes);
            hashes.add(resource + "=" + sha);
            jdbc.sql("""
                    INSERT INTO change_proposal_resource (proposal_id, resource_name, sha256, content_base64)
                    VALUES (:id, :resource, :sha, :content)
                    """).param("id", id).param("resource", resource).param("sha", sha)
                    .param("content", Base64.getEncoder().encodeToString(bytes)).update();
        });
        record.append(RecordEntry.of(id, null, "change-proposal", null, RecordEntry.Duty.CHANGE_PROPOSAL, proposer, null)
                .decided("PROPOSED", null, null, null).explained(name, String.join("; ", hashes)));
        return id;
    }

    public List<Proposal> list() {
        return heads("SELECT * FROM change_proposal ORDER BY proposed_at DESC", null);
    }

    private List<Proposal> heads(String sql, String id) {
        var statement = jdbc.sql(sql);
        if (id != null) {
            statement = statement.param("id", id);
        }
        return statement.query((rs, n) -> new Proposal(
                rs.getString("id"), rs.getString("name"), rs.getString("source"), rs.getString("proposed_by"),
                rs.getTimestamp("proposed_at").toInstant(), rs.getString("status"), rs.getString("decided_by"),
                rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(),
                rs.getString("decision_note"), rs.getString("deployment_id"), Map.of())).list();
    }

    public Optional<Proposal> find(String id) {
        Optional<Proposal> head = heads("SELECT * FROM change_proposal WHERE id = :id", id).stream().findFirst();
        return head.map(p -> {
            Map<String, byte[]> resources = new LinkedHashMap<>();
            jdbc.sql("SELECT resource_name, content_base64 FROM change_proposal_resource WHERE proposal_id = :id ORDER BY resource_name")
                    .param("id", id).query((rs, n) -> Map.entry(rs.getString(1), Base64.getDecoder().decode(rs.getString(2))))
                    .list().forEach(e -> resources.put(e.getKey(), e.getValue()));
            return new Proposal(p.id(), p.name(), p.source(), p.proposedBy(), p.proposedAt(), p.status(), p.decidedBy(),
                    p.decidedAt(), p.decisionNote(), p.deploymentId(), resources);
        });
    }

    /** Each resource against the newest deployed one of the same name: NEW, CHANGED or UNCHANGED, with the diff. */
    public List<ResourceChange> changes(Proposal proposal) {
        List<Deployment> deployments = staff.asPlatform(() -> repository.createDeploymentQuery().orderByDeploymentTime().desc().list());
        List<ResourceChange> changes = new ArrayList<>();
        proposal.resources().forEach((name, bytes) -> {
            byte[] deployed = staff.asPlatform(() -> newestDeployed(deployments, name));
            String after = new String(bytes, StandardCharsets.UTF_8);
            if (deployed == null) {
                changes.add(new ResourceChange(name, cn.smartfactory.lending.common.Sha256.of(bytes), "NEW", null, LineDiff.diff("", after)));
            } else if (cn.smartfactory.lending.common.Sha256.of(deployed).equals(cn.smartfactory.lending.common.Sha256.of(bytes))) {
                changes.add(new ResourceChange(name, cn.smartfactory.lending.common.Sha256.of(bytes), "UNCHANGED", cn.smartfactory.lending.common.Sha256.of(deployed), List.of()));
            } else {
                changes.add(new ResourceChange(name, cn.smartfactory.lending.common.Sha256.of(bytes), "CHANGED", cn.smartfactory.lending.common.Sha256.of(deployed),
                        LineDiff.diff(new String(deployed, StandardCharsets.UTF_8), after)));
            }
        });
        return changes;
    }

    /** Deploys the proposal into the engine; returns the deployment id. */
    @Transactional
    public String activate(Proposal proposal, String activator, String note) {
        decide(proposal, activator);
        Deployment deployment = staff.asPlatform(() -> {
            // A whole release: the newest one's files with the proposal's in place of those of the same file name, so
            // the loans started on it find their forms and tables in their own deployment.
            Map<String, byte[]> release = newestRelease();
            proposal.resources().forEach((name, bytes) -> {
                String fileName = name.substring(name.lastIndexOf('/') + 1);
                String existing = release.keySet().stream().filter(n -> n.equals(name) || n.endsWith("/" + fileName))
                        .findFirst().orElse((name.endsWith(".form") ? "forms/" : "processes/") + fileName);
                release.put(existing, bytes);
            });
            DeploymentBuilder builder = repository.createDeployment().name(CHANGE_RELEASE)
                    .source("change-proposal " + proposal.id()).enableDuplicateFiltering(false);
            release.forEach((name, bytes) -> builder.addString(name, new String(bytes, StandardCharsets.UTF_8)));
            return builder.deployWithResult();
        });
        int updated = jdbc.sql("""
                UPDATE change_proposal SET status = 'ACTIVATED', decided_by = :by, decided_at = :at, decision_note = :note,
                    deployment_id = :deployment WHERE id = :id AND status = 'PROPOSED'
                """).param("by", activator).param("at", Timestamp.from(Instant.now())).param("note", note)
                .param("deployment", deployment.getId()).param("id", proposal.id()).update();
        if (updated != 1) {
            throw new ProposalRefused(409, "变更申请已被处理 / the proposal was decided meanwhile");
        }
        record.append(RecordEntry.of(proposal.id(), null, "change-proposal", null, RecordEntry.Duty.CHANGE_ACTIVATION, activator,
                null).decided("ACTIVATED", null, null, null).explained(note, "deployment=" + deployment.getId()));
        return deployment.getId();
    }

    @Transactional
    public void reject(Proposal proposal, String rejecter, String reason) {
        decide(proposal, rejecter);
        int updated = jdbc.sql("""
                UPDATE change_proposal SET status = 'REJECTED', decided_by = :by, decided_at = :at, decision_note = :note
                WHERE id = :id AND status = 'PROPOSED'
                """).param("by", rejecter).param("at", Timestamp.from(Instant.now())).param("note", reason)
                .param("id", proposal.id()).update();
        if (updated != 1) {
            throw new ProposalRefused(409, "变更申请已被处理 / the proposal was decided meanwhile");
        }
        record.append(RecordEntry.of(proposal.id(), null, "change-proposal", null, RecordEntry.Duty.CHANGE_REJECTION, rejecter,
                null).decided("REJECTED", null, null, null).explained(reason, null));
    }

    private static void decide(Proposal proposal, String who) {
        if (!"PROPOSED".equals(proposal.status())) {
            throw new ProposalRefused(409, "变更申请已是 " + proposal.status() + " / the proposal is " + proposal.status()
                    + " already");
        }
        if (who.equals(proposal.proposedBy())) {
            throw new ProposalRefused(403, "双人复核 Four eyes: 提交人不得激活或驳回自己的变更申请 / the proposer may not "
                    + "activate or reject their own proposal");
        }
    }

    /** The files of the newest release (the platform's own or an activated change), by resource name. */
    private Map<String, byte[]> newestRelease() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        repository.createDeploymentQuery().orderByDeploymentTime().desc().list().stream()
                .filter(d -> "lending-platform".equals(d.getName()) || CHANGE_RELEASE.equals(d.getName())).findFirst()
                .ifPresent(d -> repository.getDeploymentResourceNames(d.getId()).forEach(name -> {
                    try (InputStream in = repository.getResourceAsStream(d.getId(), name)) {
                        files.put(name, in.readAllBytes());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
        return files;
    }

    private byte[] newestDeployed(List<Deployment> deployments, String name) {
        for (Deployment d : deployments) {
            // Modeler sends file names (scorecard.dmn); the platform deploys them under processes/ and forms/.
            // The same matching as activation: by file name, wherever the file lives.
            String fileName = name.substring(name.lastIndexOf('/') + 1);
            String match = repository.getDeploymentResourceNames(d.getId()).stream()
                    .filter(n -> n.equals(name) || n.equals(fileName) || n.endsWith("/" + fileName)).findFirst().orElse(null);
            if (match != null) {
                try (InputStream in = repository.getResourceAsStream(d.getId(), match)) {
                    return in.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return null;
    }

    /** A refused decision on a proposal: 403 (four eyes, role) or 409 (decided already). */
    public static class ProposalRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        ProposalRefused(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
