package org.parkline.server.identity;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** After web sign-in: who you are and what you may do (the pages of later issues hang off this session). */
@Controller
class AccountPage {

    @GetMapping("/account")
    String account(Model model) {
        model.addAttribute("actor", Actor.current());
        return "account";
    }
}
