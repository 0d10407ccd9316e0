package org.parkline.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ParklineApplication {
    public static void main(String[] args) {
        SpringApplication.run(ParklineApplication.class, args);
    }
}
