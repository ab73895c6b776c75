package org.kglab.ingestion.feeds;

import java.util.List;
import java.util.stream.Collectors;

/** Feed documents for the tests: RSS 2.0 and Atom, with items given as (guid, title, link, html). */
final class TestFeeds {

    record Item(String guid, String title, String link, String html) {
    }

    private TestFeeds() {
    }

    static String rss(String title, List<Item> items) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                  <channel>
                    <title>%s</title>
                    <link>https://example.org/</link>
                    <description>Test feed</description>
                %s
                  </channel>
                </rss>
                """.formatted(title, items.stream().map(i -> """
                    <item>
                      <title>%s</title>
                      <link>%s</link>
                      <guid isPermaLink="false">%s</guid>
                      <author>editor@example.org (Ada Editor)</author>
                      <pubDate>Tue, 13 Oct 2026 09:00:00 GMT</pubDate>
                      <description><![CDATA[%s]]></description>
                    </item>""".formatted(i.title(), i.link(), i.guid(), i.html())).collect(Collectors.joining("\n")));
    }

    static String atom(String title, List<Item> items) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>%s</title>
                  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
                  <updated>2026-10-13T18:30:02Z</updated>
                  <author><name>Ada Editor</name></author>
                %s
                </feed>
                """.formatted(title, items.stream().map(i -> """
                  <entry>
                    <title>%s</title>
                    <link href="%s"/>
                    <id>%s</id>
                    <updated>2026-10-13T18:30:02Z</updated>
                    <published>2026-10-12T08:00:00Z</published>
                    <content type="html"><![CDATA[%s]]></content>
                  </entry>""".formatted(i.title(), i.link(), i.guid(), i.html())).collect(Collectors.joining("\n")));
    }

    static String article(String heading, String sentence) {
        return "<html><head><title>" + heading + "</title></head><body><nav>Home | About | Subscribe</nav><article><h1>"
                + heading + "</h1>" + ("<p>" + sentence + " This paragraph is long enough to be read as the body of "
                + "an article rather than as a navigation block or a footer.</p>").repeat(3)
                + "</article><footer>All rights reserved</footer></body></html>";
    }
}
