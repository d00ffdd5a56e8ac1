package org.exhunt.testkit.image;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Content for the files of the web folders, shaped like what Exchange serves: minified script (one long line of
 * identifiers, calls and string literals), style sheets, ASP.NET pages and services, XML and JSON resources, images
 * and fonts (their magic bytes, then compressed-looking random bytes), and assemblies (an MZ/PE header, random code
 * and UTF-16 metadata strings). Nothing in it is meant to look like a web shell: a rule that fires on it is a false
 * positive, which the benchmark's check reports.
 */
final class WebContent {

    private static final String[] WORDS = {"a", "b", "c", "d", "e", "n", "r", "t", "o", "s", "i", "u", "this", "function",
        "return", "var", "null", "true", "false", "length", "prototype", "call", "apply", "push", "indexOf", "Object",
        "Array", "String", "window", "document", "owa", "Owa", "Microsoft", "Exchange", "Clients", "Owa2", "Common",
        "Controls", "ViewModels", "mailListItem", "conversation", "readingPane", "folderId", "itemId", "subject",
        "sender", "toRecipients", "isRead", "importance", "attachments", "calendar", "startTime", "endTime", "session",
        "userOptions", "localize", "strings", "resources", "getElementById", "addEventListener", "setTimeout",
        "Promise", "then", "resolve", "reject", "JSON", "parse", "stringify", "undefined", "typeof", "instanceof",
        "new", "if", "else", "for", "while", "switch", "case", "break", "throw", "try", "catch", "finally"};
    private static final String[] PUNCT = {"(", ")", "{", "}", "[", "]", ";", ",", ".", "=", "==", "===", "!", "&&",
        "||", "?", ":", "+", "-", "*", "/", "<", ">", " "};
    private static final String[] CSS_PROPS = {"color", "background-color", "margin", "padding", "font-size",
        "font-family", "border", "display", "position", "width", "height", "line-height", "overflow", "z-index"};
    private static final String[] CSS_VALUES = {"0", "auto", "none", "block", "inline-block", "relative", "absolute",
        "1px solid #c8c8c8", "12px", "14px", "100%", "'Segoe UI',Tahoma,sans-serif", "#0078d4", "#ffffff", "hidden"};
    private static final String[] TYPES = {"Microsoft.Exchange.Data.Storage", "Microsoft.Exchange.Clients.Owa2.Server.Core",
        "Microsoft.Exchange.Management.ControlPanel", "Microsoft.Exchange.Services.Core", "System.Collections.Generic",
        "System.Runtime.Serialization", "Microsoft.Exchange.Diagnostics", "System.Web.UI.WebControls",
        "Microsoft.Exchange.HttpProxy.Common", "Microsoft.Exchange.Data.Directory"};

    private WebContent() {}

    /** {@code size} bytes of content of this kind. */
    static byte[] of(FileKind kind, int size, SplittableRandom r) {
        Text t = new Text(size);
        switch (kind) {
            case JS -> script(t, r);
            case CSS -> styles(t, r);
            case ASPX, ASCX -> page(t, r, kind == FileKind.ASPX ? "Page" : "Control");
            case SVC -> t.add("<%@ ServiceHost Language=\"C#\" Debug=\"false\" Service=\"")
                    .add(pick(TYPES, r)).add(".Service").add(Integer.toString(r.nextInt(100))).add("\" %>\r\n").pad(' ');
            case HTM -> html(t, r);
            case XML, CONFIG, RESX, SVG -> xml(t, r, kind);
            case JSON -> json(t, r);
            case PNG -> binary(t, r, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            case GIF -> binary(t, r, "GIF89a".getBytes(StandardCharsets.US_ASCII));
            case WOFF -> binary(t, r, "wOFF".getBytes(StandardCharsets.US_ASCII));
            case DLL, EXE, MUI -> assembly(t, r);
            default -> binary(t, r, new byte[0]);
        }
        return t.bytes;
    }

    private static void script(Text t, SplittableRandom r) {
        t.add("/*! Copyright (c) Microsoft Corporation. All rights reserved. */\n");
        while (!t.full()) {
            int choice = r.nextInt(10);
            if (choice < 5) t.add(pick(WORDS, r));
            else if (choice < 9) t.add(pick(PUNCT, r));
            else t.add("\"").add(pick(WORDS, r)).add(pick(WORDS, r)).add(Integer.toString(r.nextInt(1000))).add("\"");
            if (r.nextInt(2000) == 0) t.add("\n");
        }
    }

    private static void styles(Text t, SplittableRandom r) {
        while (!t.full()) {
            t.add(".").add(pick(WORDS, r)).add("-").add(pick(WORDS, r)).add(Integer.toString(r.nextInt(50))).add("{");
            for (int i = 1 + r.nextInt(5); i > 0; i--) t.add(pick(CSS_PROPS, r)).add(":").add(pick(CSS_VALUES, r)).add(";");
            t.add("}");
        }
    }

    private static void page(Text t, SplittableRandom r, String directive) {
        t.add("<%@ ").add(directive).add(" Language=\"C#\" AutoEventWireup=\"true\" Inherits=\"").add(pick(TYPES, r))
                .add(".").add(capitalised(pick(WORDS, r))).add("\" %>\r\n<%@ Register TagPrefix=\"ecp\" Namespace=\"")
                .add(pick(TYPES, r)).add("\" Assembly=\"Microsoft.Exchange.Management.ControlPanel\" %>\r\n");
        while (!t.full()) {
            t.add("<div class=\"").add(pick(WORDS, r)).add("\"><asp:Label ID=\"lbl").add(capitalised(pick(WORDS, r)))
                    .add(Integer.toString(r.nextInt(100))).add("\" runat=\"server\" Text=\"<%$ Strings:")
                    .add(pick(WORDS, r)).add(" %>\" /></div>\r\n");
        }
    }

    private static void html(Text t, SplittableRandom r) {
        t.add("<!DOCTYPE html>\r\n<html><head><meta charset=\"utf-8\"><title>Outlook</title></head><body>\r\n");
        while (!t.full()) {
            t.add("<p class=\"").add(pick(WORDS, r)).add("\">").add(pick(WORDS, r)).add(" ").add(pick(WORDS, r)).add("</p>\r\n");
        }
    }

    private static void xml(Text t, SplittableRandom r, FileKind kind) {
        t.add("<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<").add(kind == FileKind.SVG ? "svg" : "configuration").add(">\r\n");
        while (!t.full()) {
            if (kind == FileKind.SVG) {
                t.add("<path d=\"M").add(Integer.toString(r.nextInt(64))).add(" ").add(Integer.toString(r.nextInt(64)))
                        .add("L").add(Integer.toString(r.nextInt(64))).add(" ").add(Integer.toString(r.nextInt(64))).add("Z\"/>\r\n");
            } else {
                t.add("  <add key=\"").add(pick(TYPES, r)).add(".").add(capitalised(pick(WORDS, r))).add("\" value=\"")
                        .add(pick(WORDS, r)).add("\" />\r\n");
            }
        }
    }

    private static void json(Text t, SplittableRandom r) {
        t.add("{");
        while (!t.full()) t.add("\"").add(pick(WORDS, r)).add(Integer.toString(r.nextInt(10_000))).add("\":\"")
                .add(pick(WORDS, r)).add(" ").add(pick(WORDS, r)).add("\",");
    }

    private static void binary(Text t, SplittableRandom r, byte[] magic) {
        t.add(magic);
        t.random(r, t.bytes.length - t.length);
    }

    /** An MZ/PE header, then blocks of random code and data alternating with UTF-16 type names (metadata strings). */
    private static void assembly(Text t, SplittableRandom r) {
        t.add("MZ\u0090\u0000").random(r, 0x3C - 4).add(new byte[] {(byte) 0x80, 0, 0, 0})   // e_lfanew: PE header at 0x80
                .add("This program cannot be run in DOS mode.\r\r\n$");
        t.random(r, 0x80 - t.length).add("PE\u0000\u0000");
        while (!t.full()) {
            if (r.nextInt(3) == 0) t.addUtf16(pick(TYPES, r) + "." + capitalised(pick(WORDS, r)) + "\u0000");
            else t.random(r, 64 + r.nextInt(4096));
        }
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String pick(String[] values, SplittableRandom r) {
        return values[r.nextInt(values.length)];
    }

    /** A fixed-size buffer filled from the front; what does not fit is cut off. */
    private static final class Text {
        final byte[] bytes;
        int length;

        Text(int size) {
            bytes = new byte[size];
        }

        boolean full() {
            return length >= bytes.length;
        }

        Text add(String s) {
            for (int i = 0; i < s.length() && length < bytes.length; i++) bytes[length++] = (byte) s.charAt(i);
            return this;
        }

        Text add(byte[] b) {
            int n = Math.min(b.length, bytes.length - length);
            System.arraycopy(b, 0, bytes, length, n);
            length += n;
            return this;
        }

        Text addUtf16(String s) {
            return add(s.getBytes(StandardCharsets.UTF_16LE));
        }

        Text random(SplittableRandom r, int n) {
            int end = Math.min(bytes.length, length + Math.max(0, n));
            while (length < end) {
                long v = r.nextLong();
                for (int i = 0; i < 8 && length < end; i++, v >>>= 8) bytes[length++] = (byte) v;
            }
            return this;
        }

        Text pad(char c) {
            Arrays.fill(bytes, length, bytes.length, (byte) c);
            length = bytes.length;
            return this;
        }
    }
}
