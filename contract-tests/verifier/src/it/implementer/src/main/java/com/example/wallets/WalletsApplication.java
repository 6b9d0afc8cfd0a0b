package com.example.wallets;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class WalletsApplication {

    public static void main(String[] args) {
        SpringApplication.run(WalletsApplication.class, args);
    }
}
