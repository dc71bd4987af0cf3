import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

/**
 * The fastest service the gateway could sit in front of: one fixed lead-sized JSON body for every request, so a
 * benchmark through the gateway versus directly on this stub measures the hop and nothing else.
 * Run: java -cp 'gateway/target/quarkus-app/lib/main/*' bench/gateway/UpstreamStub.java PORT
 */
public class UpstreamStub {

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        StringBuilder json = new StringBuilder("{\"id\":\"lead_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG\",")
                .append("\"display_name\":\"Wayne Enterprises\",\"status_label\":\"Potential\",\"contacts\":[");
        for (int i = 0; i < 2; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":\"cont_").append(i)
                    .append("\",\"name\":\"Contact ").append(i).append("\",\"emails\":[{\"type\":\"office\",")
                    .append("\"email\":\"c").append(i).append("@example.com\"}],\"phones\":[]}");
        }
        json.append("],\"opportunities\":[{\"id\":\"oppo_1\",\"value\":5000,\"status_type\":\"active\"}],")
                .append("\"tasks\":[{\"id\":\"task_1\",\"text\":\"Call back\",\"is_complete\":false}],")
                .append("\"custom\":{},\"date_created\":\"2026-11-30T10:00:00.000000+00:00\",")
                .append("\"date_updated\":\"2026-11-30T10:00:00.000000+00:00\",")
                .append("\"organization_id\":\"orga_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG\"}");
        Buffer body = Buffer.buffer(json.toString());
        String length = Integer.toString(body.length());
        Vertx.vertx().createHttpServer()
                .requestHandler(request -> request.response()
                        .putHeader("Content-Type", "application/json")
                        .putHeader("Content-Length", length)
                        .end(body))
                .listen(port)
                .onSuccess(server -> System.out.println("stub listening on " + server.actualPort()))
                .onFailure(failure -> {
                    failure.printStackTrace();
                    System.exit(1);
                });
    }
}
