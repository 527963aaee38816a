package org.yiwang;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * Yiwang (一网): one platform on which a city's public resource trading center and all its districts
 * run every public resource transaction.
 */
@Modulithic(systemName = "Yiwang", sharedModules = { "kernel", "system" })
@SpringBootApplication
public class YiwangApplication {

	public static void main(String[] args) {
		SpringApplication.run(YiwangApplication.class, args);
	}
}
