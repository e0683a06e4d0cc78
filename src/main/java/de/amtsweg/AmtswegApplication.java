package de.amtsweg;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Amtsweg, the open digital town hall. One Spring Boot application, one package per
 * business capability below this one.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(systemName = "Amtsweg", sharedModules = "platform")
public class AmtswegApplication {

	public static void main(String[] args) {
		SpringApplication.run(AmtswegApplication.class, args);
	}

}
