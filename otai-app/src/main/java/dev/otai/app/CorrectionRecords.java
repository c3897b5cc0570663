package dev.otai.app;

import dev.otai.ml.train.LabelledText;
import dev.otai.store.corrections.Corrections;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The corrections of a helpdesk joined to the tickets read from it for training: a corrected ticket counts with the
 * person's queue as its label and a weight above the others. A corrected ticket that was read from a queue
 * already is not added twice; one in a queue that was not read is added.
 */
record CorrectionRecords(List<Corrections.Correction> corrections) {

    CorrectionRecords {
        corrections = List.copyOf(corrections);
    }

    /** {@code records} (as {@link HelpdeskTickets} reads them) with every corrected ticket in it, labelled by the person. */
    List<Map<String, String>> merged(List<Map<String, String>> records) {
        Map<String, Corrections.Correction> byId = corrections.stream()
                .collect(Collectors.toMap(Corrections.Correction::ticketId, c -> c, (a, b) -> a, LinkedHashMap::new));
        var out = new ArrayList<Map<String, String>>(records.size() + byId.size());
        for (Map<String, String> record : records) {
            Corrections.Correction correction = byId.remove(record.get("id"));
            if (correction == null) {
                out.add(record);
            } else {
                var relabelled = new LinkedHashMap<>(record);
                relabelled.put("queue", correction.personLabel());
                out.add(relabelled);
            }
        }
        for (Corrections.Correction c : byId.values()) {
            var record = new LinkedHashMap<String, String>();
            record.put("id", c.ticketId());
            record.put("subject", c.subject());
            record.put("body", c.body());
            record.put("queue", c.personLabel());
            record.put("priority", "");
            record.put("state", "");
            out.add(record);
        }
        return out;
    }

    /** {@code texts} with each corrected ticket's weight set to {@code weight}. */
    List<LabelledText> weighted(List<LabelledText> texts, double weight) {
        Set<String> corrected = corrections.stream().map(Corrections.Correction::ticketId).collect(Collectors.toSet());
        return texts.stream().map(t -> corrected.contains(t.id())
                ? new LabelledText(t.id(), t.text(), t.label(), t.stratum(), weight) : t).toList();
    }
}
