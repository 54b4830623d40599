-- Users, roles and the many-to-many between them (seed: "Users Table", "Roles Table", "User-Roles Junction Table").
--
-- Corrections to the seed, each explained in wms-migrations/README.md:
--   * bigint identity keys instead of SERIAL, timestamptz instead of TIMESTAMP, NOT NULL audit times;
--   * users.deleted_at for soft delete, and e-mail uniqueness that ignores letter case and applies to live rows only;
--   * no second index beside a unique constraint or a primary key that already serves it.

CREATE FUNCTION wms_touch_row() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    -- A no-op UPDATE (every column equal) must not look like a change to optimistic readers.
    IF NEW IS DISTINCT FROM OLD THEN
        NEW.updated_at := now();
        NEW.version := OLD.version + 1;
    END IF;
    RETURN NEW;
END;
$$;

COMMENT ON FUNCTION wms_touch_row() IS
    'Keeps updated_at and version current on every real change, so that no caller can forget them.';

CREATE TABLE users
(
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email      varchar(255) NOT NULL,
    password   varchar(255) NOT NULL,
    created_at timestamptz  NOT NULL DEFAULT now(),
    updated_at timestamptz  NOT NULL DEFAULT now(),
    deleted_at timestamptz,
    version    bigint       NOT NULL DEFAULT 1,
    CONSTRAINT users_email_not_blank CHECK (btrim(email) <> ''),
    CONSTRAINT users_password_not_blank CHECK (password <> '')
);

COMMENT ON COLUMN users.password IS 'A bcrypt hash, never the password itself.';
COMMENT ON COLUMN users.deleted_at IS 'Set by a soft delete; NULL while the user is live.';

CREATE UNIQUE INDEX users_email_live_key ON users (lower(email)) WHERE deleted_at IS NULL;
CREATE INDEX idx_users_created_at ON users (created_at);

CREATE TRIGGER users_touch
    BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION wms_touch_row();

CREATE TABLE roles
(
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        varchar(100) NOT NULL,
    description text,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    version     bigint       NOT NULL DEFAULT 1,
    CONSTRAINT roles_name_key UNIQUE (name),
    CONSTRAINT roles_name_not_blank CHECK (btrim(name) <> '')
);

CREATE TRIGGER roles_touch
    BEFORE UPDATE ON roles
    FOR EACH ROW EXECUTE FUNCTION wms_touch_row();

CREATE TABLE user_roles
(
    user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role_id bigint NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, role_id)
);

-- The primary key (user_id, role_id) already serves look-ups by user_id: only role_id needs its own index.
CREATE INDEX idx_user_roles_role_id ON user_roles (role_id);
