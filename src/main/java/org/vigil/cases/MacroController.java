package org.vigil.cases;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.identity.Actors;

/** Answer templates, their use on a case, and the crisis resources they quote. */
@RestController
class MacroController {

    private final Macros macros;

    MacroController(Macros macros) {
        this.macros = macros;
    }

    @GetMapping("/api/v1/macros")
    Map<String, List<Macros.Macro>> list(@RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String language) {
        return Map.of("macros", macros.list(category, language));
    }

    @PostMapping("/api/v1/macros")
    ResponseEntity<Macros.Macro> create(@RequestBody Macros.NewMacro macro) {
        Macros.Macro created = macros.save(null, macro);
        return ResponseEntity.created(URI.create("/api/v1/macros/" + created.id())).body(created);
    }

    @PutMapping("/api/v1/macros/{id}")
    Macros.Macro update(@PathVariable long id, @RequestBody Macros.NewMacro macro) {
        return macros.save(id, macro);
    }

    @GetMapping("/api/v1/cases/{id}/macros/{macroId}/preview")
    Macros.Preview preview(@PathVariable long id, @PathVariable long macroId,
            @RequestParam(required = false) @Nullable String country) {
        return macros.preview(id, macroId, country, Actors.current());
    }

    record Application(@Nullable String body, @Nullable String country, @Nullable Long afterMessageId) {
    }

    @PostMapping("/api/v1/cases/{id}/macros/{macroId}/apply")
    CaseView apply(@PathVariable long id, @PathVariable long macroId,
            @RequestBody(required = false) @Nullable Application application) {
        Application a = application == null ? new Application(null, null, null) : application;
        return macros.apply(id, macroId, a.body(), a.country(), a.afterMessageId(), Actors.current());
    }

    @GetMapping("/api/v1/crisis-resources")
    Map<String, List<Macros.CrisisResource>> crisisResources() {
        return Map.of("crisisResources", macros.crisisResources());
    }

    @PutMapping("/api/v1/crisis-resources/{country}")
    Macros.CrisisResource saveCrisisResource(@PathVariable String country,
            @RequestBody Macros.NewCrisisResource resource) {
        return macros.saveCrisisResource(country, resource);
    }
}
