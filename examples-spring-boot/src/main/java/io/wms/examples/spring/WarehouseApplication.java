package io.wms.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application that embeds wms: its own tables in {@code public} under Spring Boot's Flyway, wms in the
 * schema {@code wms} under the starter, both on the one {@code spring.datasource}.
 */
@SpringBootApplication
public class WarehouseApplication {

    /**
     * Starts the application.
     *
     * @param arguments Spring Boot's arguments
     */
    public static void main(String[] arguments) {
        SpringApplication.run(WarehouseApplication.class, arguments);
    }
}
