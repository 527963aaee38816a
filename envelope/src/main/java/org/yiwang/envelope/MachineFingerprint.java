package org.yiwang.envelope;

import java.io.IOException;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The machine a bid was made on, as hashes of hardware identifiers a plain JVM can read on any system without
 * privileges: network adapters' MAC addresses, the OS machine id, the DMI product UUID/serial where readable, the
 * CPU model, host name, OS and architecture. Each identifier kind is hashed separately (SHA-256 of
 * {@code "yiwang-fp:" + kind + ":" + value}) so supervision can see two bids share, say, a network adapter without
 * anyone learning the adapter's address; {@code combined} hashes them all.
 */
public record MachineFingerprint(String combined, Map<String, String> identifiers) {

	public static MachineFingerprint ofThisMachine() {
		Map<String, String> raw = new TreeMap<>();
		List<String> macs = new ArrayList<>();
		try {
			for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
				byte[] mac = nic.getHardwareAddress();
				if (mac != null && mac.length > 0 && !nic.isLoopback() && !nic.isVirtual() && !allZero(mac)) {
					macs.add(Crypto.hex(mac));
				}
			}
		}
		catch (IOException | RuntimeException e) {
			// No network information: the other identifiers remain.
		}
		if (!macs.isEmpty()) {
			Collections.sort(macs);
			raw.put("mac", String.join(",", macs));
		}
		file(raw, "machine-id", "/etc/machine-id", "/var/lib/dbus/machine-id");
		file(raw, "product-uuid", "/sys/class/dmi/id/product_uuid");
		file(raw, "product-serial", "/sys/class/dmi/id/product_serial");
		file(raw, "board-serial", "/sys/class/dmi/id/board_serial");
		cpu(raw);
		String host = System.getenv("COMPUTERNAME") != null ? System.getenv("COMPUTERNAME") : System.getenv("HOSTNAME");
		if (host == null) {
			host = read(Path.of("/etc/hostname"));
		}
		if (host != null && !host.isBlank()) {
			raw.put("hostname", host.strip());
		}
		raw.put("os", System.getProperty("os.name") + "/" + System.getProperty("os.arch"));
		return of(raw);
	}

	/** From raw identifier values (kind to value); for tests and other tools. */
	public static MachineFingerprint of(Map<String, String> raw) {
		Map<String, String> hashed = new TreeMap<>();
		StringBuilder all = new StringBuilder();
		for (Map.Entry<String, String> e : new TreeMap<>(raw).entrySet()) {
			String h = Crypto.hex(Crypto.sha256(("yiwang-fp:" + e.getKey() + ":" + e.getValue()).getBytes(StandardCharsets.UTF_8)));
			hashed.put(e.getKey(), h);
			all.append(e.getKey()).append('=').append(h).append('\n');
		}
		return new MachineFingerprint(Crypto.hex(Crypto.sha256(all.toString().getBytes(StandardCharsets.UTF_8))),
				Collections.unmodifiableMap(hashed));
	}

	private static void file(Map<String, String> raw, String kind, String... paths) {
		for (String path : paths) {
			String value = read(Path.of(path));
			if (value != null && !value.isBlank()) {
				raw.put(kind, value.strip());
				return;
			}
		}
	}

	private static void cpu(Map<String, String> raw) {
		String info = read(Path.of("/proc/cpuinfo"));
		if (info != null) {
			info.lines().filter(l -> l.startsWith("model name")).findFirst()
				.ifPresent(l -> raw.put("cpu", l.substring(l.indexOf(':') + 1).strip()));
		}
		else if (System.getenv("PROCESSOR_IDENTIFIER") != null) {
			raw.put("cpu", System.getenv("PROCESSOR_IDENTIFIER"));
		}
	}

	private static String read(Path path) {
		try {
			return Files.isReadable(path) ? Files.readString(path, StandardCharsets.UTF_8) : null;
		}
		catch (IOException | RuntimeException e) {
			return null;
		}
	}

	private static boolean allZero(byte[] bytes) {
		for (byte b : bytes) {
			if (b != 0) {
				return false;
			}
		}
		return true;
	}
}
