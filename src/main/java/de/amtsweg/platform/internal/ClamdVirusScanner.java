package de.amtsweg.platform.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import de.amtsweg.platform.VirusScanner;

/**
 * Asks ClamAV's daemon over TCP with its INSTREAM command: {@code zINSTREAM\0}, then
 * chunks each preceded by their length as four bytes (big-endian), then a zero length;
 * clamd answers {@code stream: OK} or {@code stream: <signature> FOUND}.
 */
public class ClamdVirusScanner implements VirusScanner {

	private static final int CHUNK = 64 * 1024;

	private final String host;

	private final int port;

	private final Duration timeout;

	public ClamdVirusScanner(String host, int port, Duration timeout) {
		this.host = host;
		this.port = port;
		this.timeout = timeout;
	}

	@Override
	public Verdict scan(byte[] content) {
		String reply;
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(this.host, this.port), (int) this.timeout.toMillis());
			socket.setSoTimeout((int) this.timeout.toMillis());
			DataOutputStream out = new DataOutputStream(socket.getOutputStream());
			out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
			for (int offset = 0; offset < content.length; offset += CHUNK) {
				int length = Math.min(CHUNK, content.length - offset);
				out.writeInt(length);
				out.write(content, offset, length);
			}
			out.writeInt(0);
			out.flush();
			reply = readReply(socket.getInputStream());
		}
		catch (IOException ex) {
			throw new ScannerUnavailableException("clamd at " + this.host + ":" + this.port + " is not reachable", ex);
		}
		if (reply.endsWith("OK") && !reply.contains("FOUND")) {
			return Verdict.ok();
		}
		if (reply.endsWith("FOUND")) {
			String signature = reply.substring(reply.indexOf(':') + 1, reply.length() - "FOUND".length()).trim();
			return new Verdict(false, signature);
		}
		throw new ScannerUnavailableException("clamd answered: " + reply, null);
	}

	private static String readReply(InputStream in) throws IOException {
		ByteArrayOutputStream reply = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) > 0 && reply.size() < 1024) {
			reply.write(b);
		}
		return reply.toString(StandardCharsets.US_ASCII).trim();
	}

}
