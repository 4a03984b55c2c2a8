package vn.tcxd;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TcxdApplication {

    public static void main(String[] args) {
        SpringApplication.run(TcxdApplication.class, args);
    }
}
