package vn.tcxd.security.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page is the organisation tree.
 */
@Controller
class HomePageController {

    @GetMapping("/")
    String home() {
        return "redirect:/units";
    }
}
