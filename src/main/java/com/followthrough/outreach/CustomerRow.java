package com.followthrough.outreach;

import com.followthrough.cases.ContactChannel;
import java.util.Map;

/**
 * One affected customer as given (a CSV line or a JSON element), validated ({@link CustomerRows}).
 *
 * @param row     its number in the upload (1 = the first customer, after the CSV's header line)
 * @param key     what makes two rows the same customer: the e-mail address in lower case, else the phone's digits
 * @param columns the free columns (an order number, say), kept with the case, in the upload's order
 */
record CustomerRow(int row, String key, String name, String email, String phone, ContactChannel preferredChannel,
        String timeZone, Map<String, String> columns) {
}
