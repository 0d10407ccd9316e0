package org.parkline.edge;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a lot controller: {@code java -cp ... org.parkline.edge.EdgeMain edge.properties}. With {@code sim.port}
 * set, the simulated lanes listen on 127.0.0.1 (see {@link SimDeviceApi}); the line {@code EDGE READY <port>} on
 * standard output says the controller is up. {@code EdgeMain edge.properties --return-quota} replays what is left in
 * the journal, gives every unused quota place back to central and exits (decommissioning a controller).
 */
public final class EdgeMain {

    private EdgeMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2 || (args.length == 2 && !args[1].equals("--return-quota"))) {
            System.err.println("usage: EdgeMain <edge.properties> [--return-quota]");
            System.exit(2);
        }
        EdgeConfig config = EdgeConfig.load(Path.of(args[0]));
        if (args.length == 2) {
            try (EdgeController edge = new EdgeController(config)) {
                edge.returnQuota();
            }
            System.out.println("EDGE QUOTA RETURNED");
            return;
        }
        EdgeController edge = new EdgeController(config).start();
        SimDeviceApi sim = config.simPort() >= 0 ? new SimDeviceApi(edge, config.simPort()) : null;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (sim != null) sim.close();
            edge.close();
        }));
        System.out.println("EDGE READY " + (sim == null ? -1 : sim.port()));
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
