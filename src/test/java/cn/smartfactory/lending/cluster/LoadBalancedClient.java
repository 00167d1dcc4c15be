package cn.smartfactory.lending.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo staff's REST calls through a round-robin load balancer: each request goes to the next
 * live node, so an application started on one node is claimed and completed on others. REST uses
 * HTTP Basic authentication and keeps no session, so it needs no stickiness (the webapps do).
 */
final class LoadBalancedClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ClusterNode> nodes;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger next = new AtomicInteger();

    LoadBalancedClient(List<ClusterNode> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    JsonNode get(String user, String path) throws IOException, InterruptedException {
        return send(user, HttpRequest.newBuilder().GET(), path, 200);
    }

    JsonNode post(String user, String path, Object body, int expectedStatus) throws IOException, InterruptedException {
        return send(user, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json"), path, expectedStatus);
    }

    JsonNode put(String user, String path, Object body) throws IOException, InterruptedException {
        return send(user, HttpRequest.newBuilder().PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json"), path, 204);
    }

    private JsonNode send(String user, HttpRequest.Builder request, String path, int expectedStatus)
            throws IOException, InterruptedException {
        ClusterNode node = nodes.get(Math.floorMod(next.getAndIncrement(), nodes.size()));
        HttpResponse<String> response = http.send(request.uri(URI.create(node.baseUrl() + path))
                .header("Authorization", ClusterNode.basic(user)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(node.name + " answered " + response.statusCode() + " to " + user + " " + path + ": "
                    + response.body());
        }
        return response.body().isEmpty() ? null : JSON.readTree(response.body());
    }
}
