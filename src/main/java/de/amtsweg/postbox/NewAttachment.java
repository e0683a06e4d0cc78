package de.amtsweg.postbox;

/**
 * A file to attach to a message. Its type is checked by its content; the content type
 * given here is only a hint and never trusted.
 *
 * @param fileName the file's name as the sender called it
 * @param contentType what the sender claims it is
 * @param content the bytes
 */
public record NewAttachment(String fileName, String contentType, byte[] content) {
}
