package dev.otai.zammad;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.net.http.HttpClient;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** OTAI's {@code verify}: true (default trust), false (trust every certificate), or a PEM CA bundle path. */
final class Tls {

    private Tls() {
    }

    static void configure(HttpClient.Builder builder, Object verify) {
        if (verify == null || Boolean.TRUE.equals(verify) || "true".equalsIgnoreCase(String.valueOf(verify))) {
            return;
        }
        try {
            if (trustsEveryCertificate(verify)) {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {new TrustAll()}, new SecureRandom());
                builder.sslContext(context);
                return;
            }
            builder.sslContext(fromBundle(Path.of(String.valueOf(verify))));
        } catch (Exception e) {
            throw new IllegalArgumentException("verify was \"" + verify
                    + "\"; expected true, false or the path of a readable PEM CA bundle (" + e.getMessage() + ")", e);
        }
    }

    /** Whether {@code verify} is false (a boolean or the text "false"). */
    static boolean trustsEveryCertificate(Object verify) {
        return Boolean.FALSE.equals(verify) || "false".equalsIgnoreCase(String.valueOf(verify).strip());
    }

    private static SSLContext fromBundle(Path bundle) throws Exception {
        var store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(bundle)) {
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
        }
        var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), new SecureRandom());
        return context;
    }

    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
