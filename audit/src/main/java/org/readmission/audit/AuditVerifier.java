package org.readmission.audit;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

/**
 * The verification command:
 * <pre>
 * java -jar audit/target/audit-verifier.jar --mongodb-uri=mongodb://127.0.0.1:27017/partner_gateway \
 *      [--database=partner_gateway] [--collection=audit_trail] [--chain=partner-gateway] [--anchor=&lt;chain&gt;:&lt;sequence&gt;:&lt;hash&gt;]
 * </pre>
 * Prints one line per chain; exit code 0 when every chain is intact, 1 when one is broken, 2 when it could not check.
 */
public final class AuditVerifier {

    static final String USAGE = "usage: java -jar audit-verifier.jar --mongodb-uri=<uri> [--database=<name, default: from the uri>] "
            + "[--collection=audit_trail] [--chain=<name, default: every chain>] [--anchor=<chain>:<sequence>:<hash> ...]";

    private AuditVerifier() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** Runs the command; returns its exit code. */
    public static int run(String[] args, PrintStream out) {
        Map<String, String> options = new HashMap<>();
        List<AuditVerification.Anchor> anchors = new ArrayList<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                out.println("unknown argument '" + arg + "'\n" + USAGE);
                return 2;
            }
            String name = arg.substring(2, eq);
            String value = arg.substring(eq + 1);
            if (name.equals("anchor")) {
                anchors.add(AuditVerification.Anchor.parse(value));
            } else {
                options.put(name, value);
            }
        }
        String uri = options.get("mongodb-uri");
        if (uri == null) {
            out.println(USAGE);
            return 2;
        }
        String database = options.getOrDefault("database", new ConnectionString(uri).getDatabase());
        if (database == null) {
            out.println("no database: give --database or put it in the uri\n" + USAGE);
            return 2;
        }
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> collection = client.getDatabase(database).getCollection(options.getOrDefault("collection", AuditProperties.DEFAULT_COLLECTION));
            return report(new AuditVerification(collection), options.get("chain"), anchors, out);
        } catch (RuntimeException e) {
            out.println("could not verify: " + e.getMessage());
            return 2;
        }
    }

    static int report(AuditVerification verification, String chain, List<AuditVerification.Anchor> anchors, PrintStream out) {
        List<String> chains = new ArrayList<>();
        if (chain != null) {
            chains.add(chain);
        } else {
            verification.verifyAll().forEach(r -> chains.add(r.chain()));
            anchors.stream().map(AuditVerification.Anchor::chain).filter(c -> !chains.contains(c)).forEach(chains::add);
        }
        if (chains.isEmpty()) {
            out.println("no audit records found");
            return 0;
        }
        boolean intact = true;
        for (String name : chains) {
            AuditVerification.Anchor anchor = anchors.stream().filter(a -> a.chain().equals(name)).findFirst().orElse(null);
            AuditVerification.ChainReport report = verification.verify(name, anchor);
            out.println(report.summary());
            intact &= report.intact();
        }
        return intact ? 0 : 1;
    }
}
