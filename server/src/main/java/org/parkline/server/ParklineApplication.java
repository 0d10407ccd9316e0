package org.parkline.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class ParklineApplication {
    public static void main(String[] args) {
        SpringApplication.run(ParklineApplication.class, args);
    }
}
