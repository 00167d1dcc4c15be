package cn.smartfactory.lending;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point of the lending platform (one Spring Boot application, packages by feature). */
@SpringBootApplication
public class LendingPlatformApplication {

    public static void main(String[] args) {
        SpringApplication.run(LendingPlatformApplication.class, args);
    }
}
