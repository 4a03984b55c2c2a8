package vn.tcxd.cadres;

import vn.tcxd.orgstructure.UnitType;

import java.time.LocalDate;
import java.util.List;

/** The titles of a unit's type with their holders on {@code asOf}: the incumbents and vacancies. */
public record Posts(long unitId, String unitName, UnitType unitType, LocalDate asOf, List<Post> posts) {

    public Posts {
        posts = List.copyOf(posts);
    }

    public List<Post> vacancies() {
        return posts.stream().filter(Post::vacant).toList();
    }

    /** A title at the unit; a post with no holder on the date is vacant (khuyết). */
    public record Post(Title title, long managerId, List<Incumbency> holders) {

        public Post {
            holders = List.copyOf(holders);
        }

        public boolean vacant() {
            return holders.isEmpty();
        }
    }
}
