package com.followthrough.pages;

import com.followthrough.cases.Text;
import com.followthrough.stories.Thanks;
import jakarta.validation.constraints.NotBlank;

/** The thanks form on a story's page: whom to thank and the note (the API's limits). */
public class ThanksForm {

    @NotBlank(message = "choose the colleague to thank")
    @Text(max = 64)
    private String to;

    @NotBlank(message = "write a short note")
    @Text(max = Thanks.NOTE_MAX)
    private String note;

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
