package org.jobguard.web;

import org.jobguard.contacts.HelpAnswer;

import java.util.List;
import java.util.Optional;

/** The public contacts page: the two questions, what was chosen, and the directory's answer. */
public record ContactsView(List<String> locations, List<String> nationalities, Optional<String> location,
                          Optional<String> nationality, HelpAnswer answer) {
}
