package io.wms.benchmarks.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user, mapped the way a JPA team would. */
@Entity
@Table(name = "users")
public class UserEntity {

    @Id
    Long id;

    String email;

    /** @return the e-mail */
    public String getEmail() {
        return email;
    }
}
